# orca-fixture: 2.x run logger
# prefect: 2.20.25
from prefect import flow, task, get_run_logger

@task
def work(x: int) -> int:
    logger = get_run_logger()
    logger.info("working on %s", x)
    return x

@flow(log_prints=True)
def logged():
    print("starting")
    return work(1)
