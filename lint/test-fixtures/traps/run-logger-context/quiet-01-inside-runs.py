# orca-fixture: the run logger where a run may be active: a flow, a task, a helper a flow calls, a hook, guarded calls
# prefect: 3.4.20
# rule: missing-run-context
# lines: none
import logging

from prefect import flow, get_run_logger, task
from prefect.exceptions import MissingContextError
from prefect.logging import disable_run_logger


def log_step(msg):
    get_run_logger().info(msg)


def unused_helper():
    get_run_logger().info("maybe called elsewhere")


def on_fail(flow, flow_run, state):
    get_run_logger().warning("failed")


@task
def work():
    get_run_logger().info("task")
    log_step("in task")


@flow(on_failure=[on_fail])
def etl():
    get_run_logger().info("flow")
    work()


try:
    logger = get_run_logger()
except MissingContextError:
    logger = logging.getLogger(__name__)

with disable_run_logger():
    work.fn()

if __name__ == "__main__":
    etl()

late = lambda: get_run_logger().info("called later")  # noqa: E731
