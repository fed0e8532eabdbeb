# orca-fixture: schedule= in 2.x (it was taken then), and the keywords every 3.x release takes
# prefect: 2.20.25
# rule: unknown-parameter
# lines: none
from prefect import flow

if __name__ == "__main__":
    flow.from_source(source="https://github.com/acme/etl.git", entrypoint="etl.py:daily").deploy(
        name="daily",
        work_pool_name="k8s",
        image="ghcr.io/acme/etl:1",
        cron="0 6 * * *",
        schedule=None,
    )
