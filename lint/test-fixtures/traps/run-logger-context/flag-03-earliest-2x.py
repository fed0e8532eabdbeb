# orca-fixture: the run logger at import time on the first 2.x release (before MissingContextError)
# prefect: 2.0.0
# rule: missing-run-context
# lines: 7
from prefect import get_run_logger

logger = get_run_logger()
