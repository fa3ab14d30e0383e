import lightning as L
import timm
import torch
import torch.nn.functional as F
import torchmetrics as tm


class CariesNet(L.LightningModule):
    def __init__(self, backbone="efficientnet_b0", lr=2e-4, pos_weight=1.0):
        super().__init__()
        self.save_hyperparameters()
        self.net = timm.create_model(backbone, pretrained=True, in_chans=1, num_classes=1)
        self.val_auc = tm.AUROC(task="binary")
        self.val_ap = tm.AveragePrecision(task="binary")

    def forward(self, x):
        return self.net(x).squeeze(-1)

    def training_step(self, batch, _):
        x, y = batch
        loss = F.binary_cross_entropy_with_logits(self(x), y, pos_weight=torch.tensor(self.hparams.pos_weight, device=self.device))
        self.log("train_loss", loss, on_epoch=True, prog_bar=True)
        return loss

    def validation_step(self, batch, _):
        x, y = batch
        logits = self(x)
        self.log("val_loss", F.binary_cross_entropy_with_logits(logits, y), prog_bar=True)
        self.val_auc.update(torch.sigmoid(logits), y.long())
        self.val_ap.update(torch.sigmoid(logits), y.long())

    def on_validation_epoch_end(self):
        self.log("val_auroc", self.val_auc.compute(), prog_bar=True)
        self.log("val_ap", self.val_ap.compute())
        self.val_auc.reset()
        self.val_ap.reset()

    def predict_step(self, batch, _):
        x, y = batch
        return torch.sigmoid(self(x)), y

    def configure_optimizers(self):
        opt = torch.optim.AdamW(self.parameters(), lr=self.hparams.lr, weight_decay=1e-4)
        sched = torch.optim.lr_scheduler.ReduceLROnPlateau(opt, mode="max", factor=0.5, patience=3)
        return {"optimizer": opt, "lr_scheduler": {"scheduler": sched, "monitor": "val_auroc"}}
