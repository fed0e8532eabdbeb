import requests
from prefect import task


@task(retries=3, retry_delay_seconds=[10, 60, 300])
def pull_orders(day: str) -> dict:
    resp = requests.get("https://api.example.com/orders", params={"day": day})
    resp.raise_for_status()
    return resp.json()
