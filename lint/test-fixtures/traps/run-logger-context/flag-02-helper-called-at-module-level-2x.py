# orca-fixture: a plain helper that takes the run logger, called only at module level (2.x)
# prefect: 2.20.3
# rule: missing-run-context
# lines: 10
from prefect import flow
from prefect.logging import get_run_logger


def setup():
    log = get_run_logger()
    log.info("starting")


@flow
def etl():
    return 1


setup()
etl()
