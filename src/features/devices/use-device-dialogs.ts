import {
  OPERATOR_SCOPES,
  TOKEN_REVOCATION_DENIED_MESSAGE,
  TOKEN_ROTATION_DENIED_MESSAGE,
  type PairList,
} from "../../protocol";
import { useCallback, useEffect, useRef, useState } from "react";
import {
  useDeviceAction,
  type DeviceAction,
  type DeviceActionResult,
} from "../../api/device-mutations";
import { navigate, useRouteMatch } from "../../routing/router";
import { useDevicesActions } from "../../stores/devices-store";
import type { DialogState } from "./DeviceActionDialog";
import { shownText } from "../../ui/display-text";

const TOKEN_DENIALS = new Set([TOKEN_ROTATION_DENIED_MESSAGE, TOKEN_REVOCATION_DENIED_MESSAGE]);

export const REMOVED_ELSEWHERE = "This device was removed elsewhere";

const DONE = { rename: "Renamed", remove: "Removed", rotate: "Rotated", revoke: "Revoked" };

// Notes are plain text: names, labels and roles go in their visible form.
function describe(action: DeviceAction, deviceName: string): { verb: string; done: string } {
  const name = `“${shownText(deviceName)}”`;
  const what = "role" in action ? `the ${shownText(action.role)} token of ${name}` : name;
  const to = action.type === "rename" ? ` to “${shownText(action.label)}”` : "";
  return { verb: `${action.type} ${what}`, done: `${DONE[action.type]} ${what}${to}.` };
}

export function useDeviceDialogs(list: PairList | undefined) {
  const [dialog, setDialog] = useState<DialogState>();
  // A confirmed removal takes the opener's row away: focus goes to the page heading instead.
  const removing = useRef(false);
  const { noteAdded } = useDevicesActions();
  const route = useRouteMatch();
  const onDetails = route?.name === "device";

  const report = (result: DeviceActionResult) => {
    const words = describe(result.action, result.deviceName);
    if (result.status === "done") {
      noteAdded({ text: words.done, tone: "success" });
      if (result.action.type === "remove" && onDetails) navigate({ name: "devices" });
    } else if (result.status === "gone") {
      const name = shownText(result.deviceName);
      noteAdded({ text: `${REMOVED_ELSEWHERE}: “${name}”.`, tone: "info" });
    } else {
      const { problem } = result;
      const why = problem.missingScope
        ? `the gateway requires ${problem.missingScope}`
        : TOKEN_DENIALS.has(problem.message)
          ? // The real gateway gives no details: say what usually causes it.
            `the gateway denied it (another role's token, or a token broader than this session's scopes, needs ${OPERATOR_SCOPES.admin})`
          : problem.message;
      noteAdded({ text: `Could not ${words.verb}: ${why}. Nothing was changed.`, tone: "error" });
    }
  };
  const act = useDeviceAction(report);

  // Its device left the list under an open dialog: removed elsewhere, acting could only fail.
  const missing = Boolean(
    dialog && list && !list.paired.some((device) => device.deviceId === dialog.deviceId),
  );
  useEffect(() => {
    if (!missing || !dialog) return;
    noteAdded({ text: `${REMOVED_ELSEWHERE}: “${shownText(dialog.deviceName)}”.`, tone: "info" });
    setDialog(undefined);
  }, [missing, dialog, noteAdded]);

  // Stable, so the memoised rows of a 10,000-device list do not re-render with each dialog.
  const open = useCallback((next: DialogState) => {
    removing.current = false;
    setDialog(next);
  }, []);

  return {
    dialog: missing ? undefined : dialog,
    open,
    leavesPage: (openerConnected: boolean) => removing.current || !openerConnected,
    cancel: () => setDialog(undefined),
    confirm: (action: DeviceAction) => {
      removing.current = action.type === "remove";
      setDialog(undefined);
      act(action);
    },
  };
}
