# orca-fixture: 3.x NO_CACHE
# prefect: 3.4.20
from prefect import task
from prefect.cache_policies import NO_CACHE

@task(cache_policy=NO_CACHE, retries=2)
def always_runs() -> str:
    return "fresh"
