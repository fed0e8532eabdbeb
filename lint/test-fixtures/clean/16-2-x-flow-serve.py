# orca-fixture: 2.x flow.serve
# prefect: 2.20.25
from prefect import flow

@flow
def heartbeat():
    print("alive")

if __name__ == "__main__":
    heartbeat.serve(name="heartbeat", cron="*/5 * * * *", tags=["ops"])
