import type { DeviceAction } from "../../api/device-mutations";
import { shownText } from "../../ui/display-text";
import { ModalDialog } from "../../ui/ModalDialog";
import { RenameDialog } from "../../ui/RenameDialog";
import { SelfWarning } from "./SelfWarning";

export type DialogState = {
  type: DeviceAction["type"];
  deviceId: string;
  deviceName: string;
  currentLabel?: string;
  role?: string;
  /** This browser's own device: the action ends this session. */
  self?: boolean;
};

type Props = {
  dialog: DialogState;
  onConfirm: (action: DeviceAction) => void;
  onCancel: () => void;
  focusAfter: (openerConnected: boolean) => HTMLElement | null | undefined;
};

export function DeviceActionDialog({ dialog, onConfirm, onCancel, focusAfter }: Props) {
  if (dialog.type === "rename") {
    return (
      <RenameDialog
        name={dialog.currentLabel ?? dialog.deviceName}
        hint="Shown here instead of the name the device reports."
        onSave={(label) => onConfirm({ type: "rename", deviceId: dialog.deviceId, label })}
        onCancel={onCancel}
        focusAfter={focusAfter}
      />
    );
  }
  const { deviceId } = dialog;
  const name = shownText(dialog.deviceName);
  const role = shownText(dialog.role);
  const copy = {
    remove: {
      title: `Remove “${name}”?`,
      body: "The device loses access at once and must be paired again to come back. This cannot be undone.",
      confirm: "Remove device",
    },
    revoke: {
      title: `Revoke the ${role} token of “${name}”?`,
      body: `The device can no longer connect as ${role} with this token. This cannot be undone.`,
      confirm: "Revoke token",
    },
    rotate: {
      title: `Rotate the ${role} token of “${name}”?`,
      body: "The current token stops working and the device is disconnected; it gets a new token when it reconnects. This cannot be undone.",
      confirm: "Rotate token",
    },
  }[dialog.type];
  const action: DeviceAction =
    dialog.type === "remove"
      ? { type: "remove", deviceId }
      : { type: dialog.type, deviceId, role: dialog.role ?? "" };
  return (
    <ModalDialog
      title={copy.title}
      onClose={onCancel}
      focusAfter={focusAfter}
      className="devices-dialog"
    >
      <p>{copy.body}</p>
      {dialog.self ? <SelfWarning type={dialog.type} /> : null}
      <div className="devices-dialog-actions">
        <button type="button" onClick={onCancel} data-autofocus>
          Cancel
        </button>
        <button type="button" className="devices-danger" onClick={() => onConfirm(action)}>
          {copy.confirm}
        </button>
      </div>
    </ModalDialog>
  );
}
