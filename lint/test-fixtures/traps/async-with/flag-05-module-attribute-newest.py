# orca-fixture: reached through the module, in the newest release
# prefect: 3.8.3
# rule: missing-async-with
# lines: 9
from prefect.concurrency import asyncio as gcl


def load(rows):
    with gcl.concurrency("warehouse-writes", occupy=1):
        write(rows)
