// A string typed `WireText` (src/protocol/pair-records.ts: chosen by a device, a gateway or
// storage) may reach the DOM only through `DeviceText` or `shownText()`, which make hidden and
// bidi characters visible and cut long values (#15). This rule finds it, by type, where JSX would
// show it: as a child, in a text-bearing attribute of an element, or inside a string composed
// there (a template, a `+`, a string method such as `.slice()` or `.join()`).

import ts from "typescript";

const TEXT_ATTRIBUTES = new Set([
  "alt",
  "aria-description",
  "aria-label",
  "aria-placeholder",
  "aria-roledescription",
  "aria-valuetext",
  "children",
  "content",
  "label",
  "placeholder",
  "title",
]);
// An option's or a button's value is not shown; a text field's is.
const FIELD_ATTRIBUTES = new Set(["value", "defaultValue"]);
const FIELDS = new Set(["input", "textarea"]);
const BRAND = "wireTextBrand";
const STRING_LIKE = ts.TypeFlags.StringLike | ts.TypeFlags.Undefined | ts.TypeFlags.Null;

/** @type {import("eslint").Rule.RuleModule} */
export default {
  meta: {
    type: "problem",
    docs: { description: "Wire text reaches the DOM only through DeviceText or shownText()." },
    schema: [],
    messages: {
      laundered:
        "`{{text}}` is wire text passed as `{{name}}`, a prop not typed WireText: type the prop WireText so its rendering is checked.",
      raw: "`{{text}}` is wire text shown raw: render it with <DeviceText value={…} /> or shownText(…).",
    },
  },
  create(context) {
    const services = context.sourceCode.parserServices;
    if (!services?.program) {
      throw new Error("no-raw-wire-text needs typed linting (parserOptions.projectService).");
    }
    const checker = services.program.getTypeChecker();

    const carriesBrand = (type, seen = new Set()) => {
      if (seen.has(type)) return false;
      seen.add(type);
      if (type.isUnion() || type.isIntersection()) {
        if (type.types.some((part) => carriesBrand(part, seen))) return true;
      }
      if (checker.isArrayType(type) || checker.isTupleType(type)) {
        return checker.getTypeArguments(type).some((part) => carriesBrand(part, seen));
      }
      return type.getProperties().some((property) => property.getName().includes(BRAND));
    };

    const isStringLike = (type) => {
      if (type.isUnion()) return type.types.every(isStringLike);
      if (type.isIntersection()) return type.types.some(isStringLike);
      return (type.flags & STRING_LIKE) !== 0;
    };
    const isWireText = (node) => carriesBrand(services.getTypeAtLocation(node));

    /** The parts of an expression that end up as text: each is checked by its type. */
    function* shownParts(node) {
      switch (node.type) {
        case "TemplateLiteral":
          for (const part of node.expressions) yield* shownParts(part);
          return;
        case "BinaryExpression":
          if (node.operator === "+") {
            yield* shownParts(node.left);
            yield* shownParts(node.right);
          }
          return;
        case "LogicalExpression":
          // `a && b` shows `a` only when it is falsy: an empty string shows nothing.
          if (node.operator !== "&&") yield* shownParts(node.left);
          yield* shownParts(node.right);
          return;
        case "ConditionalExpression":
          yield* shownParts(node.consequent);
          yield* shownParts(node.alternate);
          return;
        case "ArrayExpression":
          for (const element of node.elements) if (element) yield* shownParts(element);
          return;
        case "ChainExpression":
        case "TSNonNullExpression":
        case "TSAsExpression":
          yield* shownParts(node.expression);
          return;
        case "CallExpression": {
          // `name.slice(0, 8)`, `scopes.join(", ")`, `String(id)`: a string made from wire text
          // is wire text. Other calls (`shownText(name)`, `scopes.map(…)`) answer for themselves.
          const callee = node.callee;
          const isString = isStringLike(services.getTypeAtLocation(node));
          if (isString && callee.type === "MemberExpression") yield* shownParts(callee.object);
          const composes =
            (callee.type === "Identifier" && callee.name === "String") ||
            (callee.type === "MemberExpression" && callee.property.name === "concat");
          if (isString && composes) {
            for (const argument of node.arguments) {
              if (argument.type !== "SpreadElement") yield* shownParts(argument);
            }
          }
          yield node;
          return;
        }
        case "JSXElement":
        case "JSXFragment":
        case "ArrowFunctionExpression":
        case "FunctionExpression":
        case "Literal":
          return;
        default:
          yield node;
      }
    }

    const check = (expression) => {
      for (const part of shownParts(expression)) {
        if (isWireText(part)) {
          context.report({
            node: part,
            messageId: "raw",
            data: { text: context.sourceCode.getText(part).slice(0, 60) },
          });
          return;
        }
      }
    };

    // A component that takes wire text says so by typing the prop `WireText`: the rule then
    // checks where that component shows it. A prop typed plain `string` would launder it.
    const checkProp = (expression, name) => {
      if (name === "key") return;
      const tsNode = services.esTreeNodeToTSNodeMap.get(expression);
      const declared = checker.getContextualType(tsNode);
      if (!declared || carriesBrand(declared)) return;
      const part = [...shownParts(expression)].find(isWireText);
      if (part) {
        context.report({
          node: part,
          messageId: "laundered",
          data: { text: context.sourceCode.getText(part).slice(0, 60), name },
        });
      }
    };

    return {
      JSXExpressionContainer(node) {
        if (node.expression.type === "JSXEmptyExpression") return;
        if (node.parent.type === "JSXElement" || node.parent.type === "JSXFragment") {
          check(node.expression);
        } else if (node.parent.type === "JSXAttribute") {
          const attribute = node.parent;
          const name = attribute.name.type === "JSXIdentifier" ? attribute.name.name : "";
          const element = attribute.parent.name;
          const tag = element.type === "JSXIdentifier" ? element.name : "";
          if (!/^[a-z]/.test(tag)) checkProp(node.expression, name);
          else if (TEXT_ATTRIBUTES.has(name) || (FIELD_ATTRIBUTES.has(name) && FIELDS.has(tag))) {
            check(node.expression);
          }
        }
      },
    };
  },
};
