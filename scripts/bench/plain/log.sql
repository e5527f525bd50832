-- The plain side of `zoneledger log P500 --format json`: the project's status updates, newest
-- first (its first row is the status it was entered with).
SELECT u.id, u.day AS effective_on, p.code || ' ' || p.name AS subject, u.action,
  '阶段：' || u.stage || '；进度：' || u.progress || '%' AS change, u.note
FROM status_update u JOIN project p ON p.code = u.subject
WHERE u.subject = 'P500'
ORDER BY u.day DESC, u.id DESC;
