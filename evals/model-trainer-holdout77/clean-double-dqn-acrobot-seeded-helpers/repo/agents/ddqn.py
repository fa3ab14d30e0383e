import copy
import random

import torch
import torch.nn.functional as F
from torch import nn


class QNetwork(nn.Module):
    def __init__(self, obs_dim, n_actions, hidden):
        super().__init__()
        self.net = nn.Sequential(
            nn.Linear(obs_dim, hidden), nn.LayerNorm(hidden), nn.ReLU(),
            nn.Linear(hidden, hidden), nn.ReLU(),
            nn.Linear(hidden, n_actions),
        )

    def forward(self, x):
        return self.net(x)


class DoubleDQN:
    def __init__(self, obs_dim, n_actions, cfg, device):
        self.q = QNetwork(obs_dim, n_actions, cfg["hidden"]).to(device)
        self.q_target = copy.deepcopy(self.q).eval()
        for p in self.q_target.parameters():
            p.requires_grad_(False)
        self.opt = torch.optim.Adam(self.q.parameters(), lr=cfg["lr"])
        self.gamma, self.tau = cfg["gamma"], cfg["target_tau"]
        self.n_actions, self.device = n_actions, device

    @torch.no_grad()
    def act(self, obs, epsilon):
        if random.random() < epsilon:
            return random.randrange(self.n_actions)
        x = torch.as_tensor(obs, dtype=torch.float32, device=self.device).unsqueeze(0)
        return int(self.q(x).argmax(dim=1).item())

    def learn(self, batch):
        obs, act, rew, nxt, done = batch
        q_sa = self.q(obs).gather(1, act[:, None]).squeeze(1)
        with torch.no_grad():
            a_star = self.q(nxt).argmax(dim=1, keepdim=True)
            target = rew + self.gamma * (1 - done) * self.q_target(nxt).gather(1, a_star).squeeze(1)
        loss = F.smooth_l1_loss(q_sa, target)
        self.opt.zero_grad(set_to_none=True)
        loss.backward()
        nn.utils.clip_grad_norm_(self.q.parameters(), 10.0)
        self.opt.step()
        self._soft_update()
        return loss.item()

    @torch.no_grad()
    def _soft_update(self):
        for p, p_t in zip(self.q.parameters(), self.q_target.parameters()):
            p_t.mul_(1 - self.tau).add_(self.tau * p)
