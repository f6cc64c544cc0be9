# Workshop content: the postStart hook of every user server of a workshop hub, run by the user image's `sh` in the
# server's working directory (the home), as `sh -c "<this script>" workshop-content REPOSITORY BRANCH FOLDER`.
# The repository, branch and folder arrive as arguments, never pasted into the script text, so no value can change
# what runs.
#
# - With nbgitpuller in the image (`gitpuller` on PATH): pull the repository into FOLDER; nbgitpuller merges new
#   commits and keeps what the attendee changed.
# - Without it: a shallow clone the first time (FOLDER missing); later starts leave the attendee's copy alone.
# - A repository that cannot be reached never stops the server: the hook says so on stderr and exits 0 (Kubernetes
#   kills a container whose postStart hook fails).
repo=$1
branch=$2
dir=$3
if command -v gitpuller >/dev/null 2>&1; then
  gitpuller "$repo" "$branch" "$dir"
elif [ ! -d "$dir" ]; then
  git clone --depth 1 --branch "$branch" -- "$repo" "$dir"
fi || echo "workshop content: could not pull $repo ($branch) into $dir; the server starts without it" >&2
exit 0
