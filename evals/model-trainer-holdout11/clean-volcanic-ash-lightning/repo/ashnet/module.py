import lightning as L
import torch
import torch.nn as nn
import torchmetrics


class AshClassifier(L.LightningModule):
    def __init__(self, n_in, n_classes, hidden, lr, class_weights):
        super().__init__()
        self.save_hyperparameters(ignore=["class_weights"])
        self.net = nn.Sequential(
            nn.Linear(n_in, hidden), nn.GELU(), nn.Dropout(0.2),
            nn.Linear(hidden, hidden), nn.GELU(), nn.Dropout(0.2),
            nn.Linear(hidden, n_classes),
        )
        self.loss = nn.CrossEntropyLoss(weight=class_weights)
        kw = dict(task="multiclass", num_classes=n_classes, average="macro")
        self.val_f1, self.test_f1 = torchmetrics.F1Score(**kw), torchmetrics.F1Score(**kw)
        self.val_auc, self.test_auc = torchmetrics.AUROC(**kw), torchmetrics.AUROC(**kw)

    def forward(self, x):
        return self.net(x)

    def training_step(self, batch, _):
        x, y = batch
        loss = self.loss(self(x), y)
        self.log("train_loss", loss, prog_bar=True)
        return loss

    def validation_step(self, batch, _):
        x, y = batch
        logits = self(x)
        self.log("val_loss", self.loss(logits, y), prog_bar=True)
        self.val_f1(logits, y); self.val_auc(logits, y)
        self.log_dict({"val_macro_f1": self.val_f1, "val_macro_auc": self.val_auc})

    def test_step(self, batch, _):
        x, y = batch
        logits = self(x)
        self.test_f1(logits, y); self.test_auc(logits, y)
        self.log_dict({"test_macro_f1": self.test_f1, "test_macro_auc": self.test_auc})

    def configure_optimizers(self):
        opt = torch.optim.AdamW(self.parameters(), lr=self.hparams.lr, weight_decay=1e-4)
        sched = torch.optim.lr_scheduler.ReduceLROnPlateau(opt, patience=3, factor=0.5)
        return {"optimizer": opt, "lr_scheduler": {"scheduler": sched, "monitor": "val_loss"}}
