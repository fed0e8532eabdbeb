# orca-fixture: a local flow deployed with no image on the first release that has Flow.deploy
# prefect: 2.13.8
# rule: deploy-without-source
# lines: 13
from prefect import flow


@flow
def etl():
    return 1


etl.deploy(name="etl", work_pool_name="docker-pool")
