#!/usr/bin/env bash
# WANDB_API_KEY and HF_TOKEN come from the CI secret store; nothing is hard-coded here.
set -euo pipefail
export WANDB_PROJECT=review-stars
python train.py \
  --reviews_csv data/reviews/reviews_clean.csv \
  --model_name microsoft/deberta-v3-small \
  --output_dir outputs/deberta-stars \
  --num_train_epochs 6 \
  --learning_rate 3e-5 \
  --warmup_ratio 0.1 \
  --weight_decay 0.01 \
  --per_device_train_batch_size 16 \
  --per_device_eval_batch_size 64 \
  --evaluation_strategy epoch \
  --save_strategy epoch \
  --save_total_limit 2 \
  --load_best_model_at_end true \
  --metric_for_best_model macro_f1 \
  --greater_is_better true \
  --seed 314 \
  --report_to wandb
