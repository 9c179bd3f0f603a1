import { Fragment, useMemo } from "react";
import type { WireText } from "../protocol";
import "./ui.css";
import { describeHidden, SENTENCE_LIMIT, SHORT_TEXT_LIMIT, toDisplayText } from "./display-text";

type Props = {
  value: WireText | undefined;
  fallback?: string;
  limit?: number;
  /** A sentence composed from device-supplied values: cut at SENTENCE_LIMIT. */
  sentence?: boolean;
  className?: string;
};

export function DeviceText({
  value,
  fallback = "",
  sentence,
  limit = sentence ? SENTENCE_LIMIT : SHORT_TEXT_LIMIT,
  className,
}: Props) {
  const raw = value?.trim() ? value : fallback;
  const text = useMemo(() => toDisplayText(raw, limit), [raw, limit]);
  const warning = describeHidden(text);
  const classes = className ? `device-text ${className}` : "device-text";
  return (
    <>
      <span
        className={classes}
        title={text.truncated || text.hidden > 0 ? text.full : undefined}
        // Isolated, so a right-to-left run inside cannot reorder the words around it.
        dir="auto"
      >
        {text.parts.map((part, index) =>
          part.kind === "text" ? (
            <Fragment key={index}>{part.text}</Fragment>
          ) : (
            <span key={index} className="hidden-char">
              {part.text}
            </span>
          ),
        )}
      </span>
      {warning ? <span className="device-text-note"> ({warning})</span> : null}
    </>
  );
}
