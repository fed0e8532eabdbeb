# orca-fixture: the call under the entry-point guard, asked about a deployment
# prefect: 3.4.20
# rule: unguarded-flow-call
# lines: none
# spoken: our deployment runs this file on a worker
from prefect import flow


@flow
def etl_main():
    print("loading")


if __name__ == "__main__":
    etl_main()
