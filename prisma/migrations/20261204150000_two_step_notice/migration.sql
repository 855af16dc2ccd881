-- A security notice when two-step verification changes (turned on or off, reset by an admin, new
-- recovery codes): sent whatever the user's email choices, like the password-changed notice.
ALTER TYPE "NotificationKind" ADD VALUE 'TWO_STEP_CHANGED';
