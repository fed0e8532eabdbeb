# orca-fixture: an awaited load in an async flow on the newest release, .value in a format call
# prefect: 3.8.3
# rule: record-used-as-value
# lines: 11
from prefect import flow
from prefect.blocks.system import Secret


@flow
async def notify():
    url = "https://hooks.example.com/{}".format((await Secret.load("hook")).value)
    return url
