# orca-fixture: schedule= on Flow.from_source(...).deploy(...) and an awaited load in an async main (last 3.1.x)
# prefect: 3.1.15
# rule: unknown-parameter
# lines: 11 17
import asyncio

from prefect import Flow

source = "https://github.com/acme/etl.git"
Flow.from_source(source=source, entrypoint="etl.py:daily").deploy(
    name="daily", work_pool_name="process", schedule={"cron": "0 6 * * *"}
)


async def main():
    remote = await Flow.from_source(source=source, entrypoint="etl.py:hourly")
    await remote.deploy(name="hourly", work_pool_name="process", schedule={"interval": 3600})


asyncio.run(main())
