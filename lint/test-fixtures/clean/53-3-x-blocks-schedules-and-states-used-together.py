# orca-fixture: 3.x blocks, schedules and states used together
# prefect: 3.4.20
from prefect import flow
from prefect.blocks.system import Secret
from prefect.client.schemas.schedules import CronSchedule
from prefect.states import Completed
from prefect.exceptions import MissingResult
from prefect.logging import get_logger

logger = get_logger("etl")

@flow(task_runner=None, persist_result=True)
def nightly():
    Secret(value="token").save("api-token", overwrite=True)
    schedule = CronSchedule(cron="0 2 * * *", timezone="UTC")
    logger.info("schedule %s", schedule.cron)
    try:
        return Completed(message="done")
    except MissingResult:
        raise
