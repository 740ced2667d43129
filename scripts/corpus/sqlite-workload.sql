-- A mixed workload for scripts/corpus/sqlite.sh: bulk inserts through a
-- recursive CTE, indexes, joins, aggregates, window functions, strings, JSON,
-- updates, deletes, a transaction rolled back, and an integrity check.
CREATE TABLE item(id INTEGER PRIMARY KEY, name TEXT, grp INTEGER, price REAL, tags TEXT);
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000)
INSERT INTO item SELECT i, 'item-' || printf('%05d', (i * 7919) % 20000), i % 37,
  ((i * 31) % 1000) / 10.0, json_array(i % 3, i % 5, 'x' || (i % 7)) FROM n;
CREATE INDEX item_grp ON item(grp, price);
CREATE TABLE grp(id INTEGER PRIMARY KEY, label TEXT);
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 36)
INSERT INTO grp SELECT i, upper(hex(i * 12345)) FROM n;
SELECT count(*), sum(price), min(name), max(name) FROM item;
SELECT g.label, count(*), round(avg(i.price), 3), max(i.price)
  FROM item i JOIN grp g ON g.id = i.grp GROUP BY g.id ORDER BY g.id;
SELECT id, name, price, rank() OVER (PARTITION BY grp ORDER BY price DESC, id) AS r
  FROM item WHERE grp IN (3, 17) ORDER BY grp, r LIMIT 40;
SELECT grp, group_concat(substr(name, 6), ',') FROM
  (SELECT grp, name FROM item WHERE id % 997 = 0 ORDER BY name) GROUP BY grp;
SELECT json_extract(tags, '$[2]') AS t, count(*) FROM item GROUP BY t ORDER BY t;
UPDATE item SET price = price * 1.5, name = replace(name, '-', '_') WHERE grp % 4 = 1;
DELETE FROM item WHERE id % 11 = 0;
SELECT count(*), round(sum(price), 2), count(DISTINCT name) FROM item;
BEGIN;
DELETE FROM item;
SELECT count(*) FROM item;
ROLLBACK;
SELECT count(*) FROM item;
CREATE TABLE words(w TEXT);
WITH RECURSIVE n(i, s) AS (SELECT 1, 'alpha' UNION ALL
  SELECT i + 1, substr(s || char(97 + (i * 13) % 26), -12) FROM n WHERE i < 3000)
INSERT INTO words SELECT s FROM n;
SELECT length(w), count(*), min(w), max(w) FROM words GROUP BY length(w) ORDER BY 1;
SELECT w, instr(w, 'a'), upper(w), reverse_ok FROM
  (SELECT w, 1 AS reverse_ok FROM words ORDER BY w DESC LIMIT 10);
SELECT a.grp, b.grp, count(*) FROM item a JOIN item b ON a.id + 1 = b.id
  WHERE a.grp < 3 AND b.grp < 3 GROUP BY 1, 2 ORDER BY 1, 2;
SELECT quote(x'0102ff'), typeof(1.0), 1e300 * 10, -0.0, 7 / 2, 7 % 3, 'a' < 'b';
PRAGMA integrity_check;
