"""Reports and exchange files made from core objects. Imports the core only."""
