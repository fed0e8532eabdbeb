# orca-fixture: a get_run_logger that is not Prefect's, and the newest release with Prefect's used in a flow
# prefect: 3.8.3
# rule: missing-run-context
# lines: none
from mylib.logs import get_run_logger

from prefect import flow
from prefect import get_run_logger as prefect_logger

logger = get_run_logger()


@flow
def etl():
    prefect_logger().info("ok")
