-- Rate-limit token buckets (server/http/rate-limit.ts), one budget for every
-- instance on this database: a bucket per (policy, id), its tokens as counted at
-- counted_at, refilling from then on. A bucket with no row is full, so full ones
-- are deleted. The limits themselves are the app's: each call passes every
-- bucket's burst and refill rate (tokens a second).
--
-- UNLOGGED: a bucket is worth less than a write-ahead log flush on every API
-- request. After a crash the table is empty and every budget starts full again;
-- a standby promoted after a failover starts with none too.
CREATE UNLOGGED TABLE rate_limits (
  policy TEXT NOT NULL,
  id TEXT NOT NULL,
  tokens DOUBLE PRECISION NOT NULL,
  counted_at TIMESTAMPTZ NOT NULL,
  -- When it is full again (and as good as no row): what the clean-up looks for.
  full_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (policy, id)
);
CREATE INDEX rate_limits_by_full_at ON rate_limits (full_at);

-- Takers of the same buckets queue on advisory locks, one per bucket, taken in
-- one order (so two takers of overlapping buckets never wait on each other in a
-- cycle) before anything is read. Each statement of a function reads a new
-- snapshot, so what a taker reads once it holds the locks is what the one
-- before it wrote. The clock is the database's, the one every instance shares.
CREATE FUNCTION rate_limit_lock(policies TEXT[], ids TEXT[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  k BIGINT;
BEGIN
  FOR k IN SELECT DISTINCT hashtextextended('teppan rate limit ' || p || ' ' || i, 0) FROM unnest(policies, ids) AS b(p, i) ORDER BY 1 LOOP
    PERFORM pg_advisory_xact_lock(k);
  END LOOP;
END $$;

-- The tokens each bucket holds at `at`, in the order given: refilled since they
-- were counted (never past the burst; not at all while the clock reads earlier
-- than then), the burst when it has no row. Every function here is plpgsql, whose
-- plans a connection keeps: a SQL function's are made again on every call.
CREATE FUNCTION rate_limit_tokens(policies TEXT[], ids TEXT[], bursts DOUBLE PRECISION[], rates DOUBLE PRECISION[], at TIMESTAMPTZ)
RETURNS DOUBLE PRECISION[] LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN (
    SELECT array_agg(LEAST(b.burst, COALESCE(r.tokens + b.rate * GREATEST(0, extract(epoch FROM at - r.counted_at)), b.burst)) ORDER BY b.n)
    FROM unnest(policies, ids, bursts, rates) WITH ORDINALITY AS b(policy, id, burst, rate, n)
    LEFT JOIN rate_limits r ON r.policy = b.policy AND r.id = b.id
  );
END $$;

-- Writes the buckets' tokens as counted at `at`.
CREATE FUNCTION rate_limit_store(policies TEXT[], ids TEXT[], bursts DOUBLE PRECISION[], rates DOUBLE PRECISION[], tokens DOUBLE PRECISION[], at TIMESTAMPTZ)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO rate_limits AS r (policy, id, tokens, counted_at, full_at)
  SELECT b.policy, b.id, b.t, at, at + make_interval(secs => (b.burst - b.t) / b.rate)
  FROM unnest(policies, ids, bursts, rates, tokens) AS b(policy, id, burst, rate, t)
  ON CONFLICT (policy, id) DO UPDATE SET tokens = EXCLUDED.tokens, counted_at = EXCLUDED.counted_at, full_at = EXCLUDED.full_at;
END $$;

-- Takes a token from each bucket named (each once), or from none when any has
-- less than one: all or nothing. Returns whether it took them, and the tokens
-- each holds then. Each call also deletes a few buckets that are full again
-- (never waiting on one in use): bounded work, and idle buckets cannot pile up
-- faster than takes create them.
CREATE FUNCTION rate_limit_take(policies TEXT[], ids TEXT[], bursts DOUBLE PRECISION[], rates DOUBLE PRECISION[], OUT taken BOOLEAN, OUT tokens DOUBLE PRECISION[])
LANGUAGE plpgsql AS $$
DECLARE
  at TIMESTAMPTZ;
BEGIN
  PERFORM rate_limit_lock(policies, ids);
  at := clock_timestamp();
  tokens := rate_limit_tokens(policies, ids, bursts, rates, at);
  taken := 1 <= ALL (tokens);
  IF taken THEN
    tokens := ARRAY(SELECT t - 1 FROM unnest(tokens) WITH ORDINALITY AS u(t, n) ORDER BY n);
    PERFORM rate_limit_store(policies, ids, bursts, rates, tokens, at);
  END IF;
  -- Last, once this call waits on nothing more: a lock held here is never part of a cycle.
  DELETE FROM rate_limits WHERE (policy, id) IN (
    SELECT policy, id FROM rate_limits WHERE full_at <= at ORDER BY full_at LIMIT 4 FOR UPDATE SKIP LOCKED
  );
END $$;

-- Gives a token back to each bucket named, never past its burst (a bucket with
-- no row is full already). Returns the tokens each holds then.
CREATE FUNCTION rate_limit_refund(policies TEXT[], ids TEXT[], bursts DOUBLE PRECISION[], rates DOUBLE PRECISION[]) RETURNS DOUBLE PRECISION[]
LANGUAGE plpgsql AS $$
DECLARE
  at TIMESTAMPTZ;
  tokens DOUBLE PRECISION[];
BEGIN
  PERFORM rate_limit_lock(policies, ids);
  at := clock_timestamp();
  tokens := ARRAY(
    SELECT LEAST(b.burst, b.t + 1)
    FROM unnest(rate_limit_tokens(policies, ids, bursts, rates, at), bursts) WITH ORDINALITY AS b(t, burst, n) ORDER BY n
  );
  PERFORM rate_limit_store(policies, ids, bursts, rates, tokens, at);
  RETURN tokens;
END $$;
