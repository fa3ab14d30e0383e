import lightning as L
import torch
import torch.nn.functional as F
import torchmetrics as tm
from torchvision.models import ResNet18_Weights, resnet18


class CrackClassifier(L.LightningModule):
    def __init__(self, lr=3e-4):
        super().__init__()
        self.save_hyperparameters()
        self.net = resnet18(weights=ResNet18_Weights.IMAGENET1K_V1)
        self.net.fc = torch.nn.Linear(self.net.fc.in_features, 2)
        self.val_auroc = tm.AUROC(task="binary")
        self.test_auroc = tm.AUROC(task="binary")
        self.test_f1 = tm.F1Score(task="binary")
        self.test_acc = tm.Accuracy(task="binary")

    def forward(self, x):
        return self.net(x)

    def training_step(self, batch, _):
        x, y = batch
        loss = F.cross_entropy(self(x), y)
        self.log("train_loss", loss, prog_bar=True)
        return loss

    def validation_step(self, batch, _):
        x, y = batch
        logits = self(x)
        self.log("val_loss", F.cross_entropy(logits, y), prog_bar=True)
        self.val_auroc(logits.softmax(-1)[:, 1], y)
        self.log("val_auroc", self.val_auroc, prog_bar=True)

    def test_step(self, batch, _):
        x, y = batch
        p = self(x).softmax(-1)[:, 1]
        self.test_auroc(p, y)
        self.test_f1(p, y)
        self.test_acc(p, y)
        self.log_dict({"test_auroc": self.test_auroc, "test_f1": self.test_f1, "test_acc": self.test_acc})
        self.log("test_majority_acc", torch.maximum(y.float().mean(), 1 - y.float().mean()))

    def configure_optimizers(self):
        opt = torch.optim.AdamW(self.parameters(), lr=self.hparams.lr, weight_decay=1e-4)
        sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=self.trainer.max_epochs)
        return [opt], [sched]
