# orca-fixture: schedule= on flow.from_source(...).deploy(...) where the release takes it again (3.2.0)
# prefect: 3.2.0
# rule: unknown-parameter
# lines: none
from prefect import flow
from prefect.schedules import Cron

if __name__ == "__main__":
    flow.from_source(source="https://github.com/acme/etl.git", entrypoint="etl.py:daily").deploy(
        name="daily",
        work_pool_name="k8s",
        image="ghcr.io/acme/etl:1",
        schedule=Cron("0 6 * * *"),
    )
