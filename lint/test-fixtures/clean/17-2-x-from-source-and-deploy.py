# orca-fixture: 2.x from_source and deploy
# prefect: 2.20.25
from prefect import flow

if __name__ == "__main__":
    flow.from_source(
        source="https://github.com/org/repo.git",
        entrypoint="flows/etl.py:etl",
    ).deploy(name="etl-prod", work_pool_name="k8s-pool")
