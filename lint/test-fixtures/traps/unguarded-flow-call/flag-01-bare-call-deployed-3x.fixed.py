from prefect import flow


@flow
def etl_main():
    print("loading")

if __name__ == "__main__":
    etl_main()
