# orca-fixture: before Flow.deploy existed (2.13.7) the rule has nothing to say (the API check speaks instead)
# prefect: 2.13.7
# rule: deploy-without-source
# lines: none
from prefect import flow


@flow
def etl():
    return 1


etl.deploy(name="etl", work_pool_name="docker-pool")
