# orca-fixture: Flow(...) made from a function and deployed with no image on the newest release
# prefect: 3.8.3
# rule: deploy-without-source
# lines: 12
from prefect import Flow


def etl():
    return 1


Flow(etl, name="etl").deploy(name="etl", work_pool_name="ecs-pool")
