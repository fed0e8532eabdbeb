# orca-fixture: 3.x from_source().deploy()
# prefect: 3.4.20
from prefect import flow

@flow
def etl():
    print("etl")

if __name__ == "__main__":
    flow.from_source(
        source="https://github.com/org/repo.git",
        entrypoint="flows/etl.py:etl",
    ).deploy(name="etl-prod", work_pool_name="k8s-pool", cron="0 2 * * *")
