# orca-fixture: a local @flow deployed to a pool with no image, directly and through with_options (3.x)
# prefect: 3.4.20
# rule: deploy-without-source
# lines: 14 15
from prefect import flow


@flow(log_prints=True)
def etl(day: str = "today"):
    print(day)


if __name__ == "__main__":
    etl.deploy(name="etl-nightly", work_pool_name="k8s-pool", cron="0 2 * * *")
    etl.with_options(retries=2).deploy("etl-retry", "process-pool", build=False)
