"""python main.py --config config.yaml"""
from lightning.pytorch.cli import LightningCLI

from bikeshare.data import BikeShareData
from bikeshare.model import GRUForecaster


def run():
    cli = LightningCLI(GRUForecaster, BikeShareData, run=False, save_config_kwargs={"overwrite": True})
    cli.trainer.fit(cli.model, datamodule=cli.datamodule)
    cli.trainer.test(cli.model, datamodule=cli.datamodule, ckpt_path="best")


if __name__ == "__main__":
    run()
