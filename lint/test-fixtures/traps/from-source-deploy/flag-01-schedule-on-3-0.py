# orca-fixture: schedule= on the deploy of a flow from flow.from_source(...), chained and through a name (3.0.x)
# prefect: 3.0.0
# rule: unknown-parameter
# lines: 15 23
from prefect import flow
from prefect.client.schemas.schedules import CronSchedule

SOURCE = "https://github.com/acme/etl.git"

if __name__ == "__main__":
    flow.from_source(source=SOURCE, entrypoint="etl.py:daily").deploy(
        name="daily",
        work_pool_name="k8s",
        image="ghcr.io/acme/etl:1",
        schedule=CronSchedule(cron="0 6 * * *"),
    )
    hourly = flow.from_source(source=SOURCE, entrypoint="etl.py:hourly")
    hourly.deploy(
        name="hourly",
        work_pool_name="k8s",
        image="ghcr.io/acme/etl:1",
        build=False,
        schedule=CronSchedule(cron="0 * * * *"),
    )
