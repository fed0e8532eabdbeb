# orca-fixture: a deployment's entrypoint file that calls its flow at the bottom, asked about a worker's runs
# prefect: 3.1.12
# rule: unguarded-flow-call
# lines: 13
# spoken: every time the worker picks up a run i get two flow runs
from prefect import flow


@flow
def etl_main():
    print("loading")

etl_main()
