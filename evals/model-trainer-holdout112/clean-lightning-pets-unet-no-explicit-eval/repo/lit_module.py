import lightning as L
import segmentation_models_pytorch as smp
import torch
import torchmetrics


class LitUnet(L.LightningModule):
    def __init__(self, encoder="resnet34", lr=1e-3, weight_decay=1e-4, max_epochs=40):
        super().__init__()
        self.save_hyperparameters()
        self.net = smp.Unet(encoder, encoder_weights="imagenet", classes=1)
        self.dice_loss = smp.losses.DiceLoss("binary")
        self.bce = torch.nn.BCEWithLogitsLoss()
        self.val_dice = torchmetrics.classification.BinaryF1Score()
        self.val_iou = torchmetrics.classification.BinaryJaccardIndex()
        self.test_dice = torchmetrics.classification.BinaryF1Score()
        self.test_iou = torchmetrics.classification.BinaryJaccardIndex()

    def forward(self, x):
        return self.net(x)

    def _loss(self, logits, y):
        return self.dice_loss(logits, y) + self.bce(logits, y)

    def training_step(self, batch, batch_idx):
        x, y = batch
        loss = self._loss(self(x), y)
        self.log("train/loss", loss, prog_bar=True)
        return loss

    def validation_step(self, batch, batch_idx):
        x, y = batch
        logits = self(x)
        self.log("val/loss", self._loss(logits, y), prog_bar=True)
        self.val_dice(logits.sigmoid(), y.int())
        self.val_iou(logits.sigmoid(), y.int())
        self.log_dict({"val/dice": self.val_dice, "val/iou": self.val_iou}, prog_bar=True)

    def test_step(self, batch, batch_idx):
        x, y = batch
        logits = self(x)
        self.test_dice(logits.sigmoid(), y.int())
        self.test_iou(logits.sigmoid(), y.int())
        self.log_dict({"test/dice": self.test_dice, "test/iou": self.test_iou})

    def configure_optimizers(self):
        opt = torch.optim.AdamW(self.parameters(), lr=self.hparams.lr, weight_decay=self.hparams.weight_decay)
        sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=self.hparams.max_epochs)
        return {"optimizer": opt, "lr_scheduler": sched}
