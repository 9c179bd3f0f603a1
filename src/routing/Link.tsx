import type { AnchorHTMLAttributes, MouseEvent } from "react";
import { navigate } from "./history";
import { appBasePath } from "./base-path";
import { hrefFor, type Route } from "./routes";

type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, "href"> & { to: Route };

/** A real link (middle-click and "open in new tab" work) that navigates in place on a plain click. */
export function Link({ to, onClick, target, children, ...rest }: LinkProps) {
  const href = hrefFor(to, appBasePath());
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    const modified = event.metaKey || event.ctrlKey || event.shiftKey || event.altKey;
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      modified ||
      (target && target !== "_self")
    ) {
      return;
    }
    event.preventDefault();
    navigate(to);
  };
  return (
    <a href={href} target={target} onClick={handleClick} {...rest}>
      {children}
    </a>
  );
}
