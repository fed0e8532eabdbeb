# orca-fixture: schedules= on 3.0.x, and a name bound to from_source and to something else (not followed)
# prefect: 3.0.0
# rule: unknown-parameter
# lines: none
from prefect import flow
from prefect.client.schemas.schedules import CronSchedule

from deploy_helpers import load_flow

SOURCE = "https://github.com/acme/etl.git"

if __name__ == "__main__":
    flow.from_source(source=SOURCE, entrypoint="etl.py:daily").deploy(
        name="daily",
        work_pool_name="k8s",
        image="ghcr.io/acme/etl:1",
        schedules=[CronSchedule(cron="0 6 * * *")],
    )
    target = flow.from_source(source=SOURCE, entrypoint="etl.py:hourly")
    target = load_flow("hourly")
    target.deploy(name="hourly", work_pool_name="k8s", schedule={"cron": "0 * * * *"})
