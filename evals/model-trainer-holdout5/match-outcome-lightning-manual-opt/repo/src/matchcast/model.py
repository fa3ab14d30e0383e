import lightning as L
import torch
import torch.nn.functional as F
from torch import nn
from torchmetrics.classification import MulticlassAccuracy


class OutcomeModel(L.LightningModule):
    """Team embeddings + form features -> home/draw/away logits.

    Uses manual optimisation so the embedding table can get its own
    optimiser with a larger learning rate.
    """

    def __init__(self, n_teams: int, n_feats: int, emb_dim: int = 16, lr: float = 1e-3, emb_lr: float = 1e-2):
        super().__init__()
        self.save_hyperparameters()
        self.automatic_optimization = False
        self.team_emb = nn.Embedding(n_teams, emb_dim, sparse=True)
        self.mlp = nn.Sequential(
            nn.Linear(n_feats + 2 * emb_dim, 64), nn.ReLU(), nn.Dropout(0.1), nn.Linear(64, 3)
        )
        self.acc = MulticlassAccuracy(num_classes=3)

    def forward(self, x, home, away):
        z = torch.cat([x, self.team_emb(home), self.team_emb(away)], dim=-1)
        return self.mlp(z)

    def training_step(self, batch, batch_idx):
        x, home, away, y = batch
        opt_mlp, opt_emb = self.optimizers()
        logits = self(x, home, away)
        loss = F.cross_entropy(logits, y)
        self.manual_backward(loss)
        opt_mlp.step()
        opt_emb.step()
        self.log("train_loss", loss, prog_bar=True)
        return loss

    def validation_step(self, batch, batch_idx):
        x, home, away, y = batch
        logits = self(x, home, away)
        self.log("eval_loss", F.cross_entropy(logits, y))
        self.log("eval_acc", self.acc(logits.argmax(-1), y))

    def configure_optimizers(self):
        mlp_opt = torch.optim.Adam(self.mlp.parameters(), lr=self.hparams.lr)
        emb_opt = torch.optim.SparseAdam(self.team_emb.parameters(), lr=self.hparams.emb_lr)
        return [mlp_opt, emb_opt]
