-- A security notice: the email telling a user their password was changed (issue 20). Not one of
-- the kinds a user may turn off (lib/notifications/kinds.ts NOTIFICATION_KINDS).
ALTER TYPE "NotificationKind" ADD VALUE 'PASSWORD_CHANGED';
