# orca-fixture: the run logger taken at import time and in the main guard (3.x)
# prefect: 3.4.20
# rule: missing-run-context
# lines: 7 17
from prefect import flow, get_run_logger

logger = get_run_logger()


@flow
def etl():
    logger.info("running")


if __name__ == "__main__":
    etl()
    get_run_logger().info("done")
