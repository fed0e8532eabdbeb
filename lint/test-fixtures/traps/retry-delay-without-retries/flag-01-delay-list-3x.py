# orca-fixture: a task with a list of retry delays and no retries (3.x)
# prefect: 3.4.20
# rule: retry-delay-without-retries
# lines: 9
import requests
from prefect import task


@task(retry_delay_seconds=[10, 60, 300])
def pull_orders(day: str) -> dict:
    resp = requests.get("https://api.example.com/orders", params={"day": day})
    resp.raise_for_status()
    return resp.json()
