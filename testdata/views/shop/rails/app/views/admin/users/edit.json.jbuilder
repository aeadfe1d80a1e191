json.id @user.id
