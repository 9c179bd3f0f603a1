import { useId, useState } from "react";
import { usePreferences, usePreferencesActions } from "../../stores/preferences-store";

// A refused permission is explained instead of silently failing.

export function NotificationsToggle() {
  const on = usePreferences((state) => state.notifications);
  const { notificationsToggled } = usePreferencesActions();
  const [hint, setHint] = useState("");
  const hintId = useId();
  const available = typeof Notification !== "undefined";

  const toggle = async (wanted: boolean) => {
    setHint("");
    if (!wanted) return notificationsToggled(false);
    const permission =
      Notification.permission === "default"
        ? await Notification.requestPermission()
        : Notification.permission;
    if (permission === "granted") notificationsToggled(true);
    else setHint("This browser blocks notifications for this site; allow them in its settings.");
  };

  return (
    <div className="notifications-toggle">
      <label>
        <input
          type="checkbox"
          checked={available && on}
          disabled={!available}
          aria-describedby={hintId}
          onChange={(event) => void toggle(event.target.checked)}
        />
        Desktop notifications
      </label>
      <span id={hintId} className="muted small">
        {available ? hint || "Only while this tab is hidden." : "Not supported by this browser."}
      </span>
    </div>
  );
}
