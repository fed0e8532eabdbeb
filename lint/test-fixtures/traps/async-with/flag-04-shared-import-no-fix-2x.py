# orca-fixture: the import also brings rate_limit, and the name is used correctly elsewhere: no import rewrite
# prefect: 2.19.4
# rule: missing-async-with
# lines: 9
from prefect.concurrency.asyncio import concurrency, rate_limit


def load(rows):
    with concurrency("warehouse-writes"), open("log.txt", "a") as log:
        log.write(str(rows))


async def load_async(rows):
    await rate_limit("api")
    async with concurrency("warehouse-writes"):
        await write(rows)
