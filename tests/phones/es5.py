"""Is a script plain ES5 (what old phones' browsers run)? Parsed by esprima, a full ECMAScript
parser, then every node of the tree checked against the ES5 grammar: a node type, an operator,
a flag or a literal that came later (ES2015 and after) is reported with its line.

The floor this keeps: Android 4.4's browser, iOS Safari 9 / 10, Chrome 49, Firefox 45, IE 11.
"""

from __future__ import annotations

import itertools
import re
from typing import Any

ES5_NODES = {
    "Program",
    "Directive",
    "ExpressionStatement",
    "BlockStatement",
    "EmptyStatement",
    "DebuggerStatement",
    "WithStatement",
    "ReturnStatement",
    "LabeledStatement",
    "BreakStatement",
    "ContinueStatement",
    "IfStatement",
    "SwitchStatement",
    "SwitchCase",
    "ThrowStatement",
    "TryStatement",
    "CatchClause",
    "WhileStatement",
    "DoWhileStatement",
    "ForStatement",
    "ForInStatement",
    "FunctionDeclaration",
    "FunctionExpression",
    "VariableDeclaration",
    "VariableDeclarator",
    "ThisExpression",
    "ArrayExpression",
    "ObjectExpression",
    "Property",
    "UnaryExpression",
    "UpdateExpression",
    "BinaryExpression",
    "AssignmentExpression",
    "LogicalExpression",
    "MemberExpression",
    "ConditionalExpression",
    "CallExpression",
    "NewExpression",
    "SequenceExpression",
    "Identifier",
    "Literal",
}
LATER_OPERATORS = {"**", "**="}
ES5_REGEX_FLAGS = set("gim")
LATER_NUMBER = re.compile(r"^0[oObB]|_|n$")
LATER_ESCAPE = re.compile(r"\\u\{")


def es5_problems(source: str) -> list[str]:
    """What in ``source`` is not ES5, as « line N: what »; empty when it all is."""
    import esprima

    try:
        tree = esprima.parseScript(source, {"loc": True, "tokens": True})
    except esprima.Error as error:
        return [f"not even parsed: {error}"]
    problems: list[str] = []
    tokens = tree.tokens or []
    for before, after in itertools.pairwise(tokens):
        if before.value == "," and after.value == ")":  # f(a, b,) — ES2017
            problems.append(f"line {before.loc.start.line}: trailing comma in a call or parameters")
        if before.type == "Template":
            problems.append(f"line {before.loc.start.line}: template literal")

    def walk(node: Any) -> None:
        if isinstance(node, list):
            for child in node:
                walk(child)
            return
        if not hasattr(node, "type"):
            return
        line = node.loc.start.line if getattr(node, "loc", None) else "?"
        problem = _problem(node)
        if problem:
            problems.append(f"line {line}: {problem}")
        for key, value in vars(node).items():
            if key not in ("loc", "range", "tokens", "comments") and (
                isinstance(value, list) or hasattr(value, "type")
            ):
                walk(value)

    walk(tree)
    return problems


def _problem(node: Any) -> str:
    kind = node.type
    if kind not in ES5_NODES:
        return kind
    if kind == "VariableDeclaration" and node.kind != "var":
        return f"« {node.kind} » declaration"
    if kind in ("FunctionDeclaration", "FunctionExpression") and (
        node.generator or node.isAsync or getattr(node, "expression", False)
    ):
        return "generator or async function"
    if kind == "Property" and (node.shorthand or node.method or node.computed):
        return "shorthand, method or computed property"
    if kind in ("BinaryExpression", "AssignmentExpression") and node.operator in LATER_OPERATORS:
        return f"operator {node.operator}"
    if kind == "Literal":
        if node.regex is not None and set(node.regex.flags) - ES5_REGEX_FLAGS:
            return f"regular expression flags « {node.regex.flags} »"
        raw = node.raw or ""
        if isinstance(node.value, (int, float)) and LATER_NUMBER.search(raw):
            return f"number « {raw} »"
        if isinstance(node.value, str) and LATER_ESCAPE.search(raw):
            return "\\u{…} escape"
    return ""
