# orca-fixture: 3.x schedules module
# prefect: 3.4.20
from prefect import flow
from prefect.schedules import Cron

@flow
def nightly():
    print("nightly")

if __name__ == "__main__":
    nightly.serve(name="nightly", schedules=[Cron("0 2 * * *", timezone="UTC")])
