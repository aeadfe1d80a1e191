CREATE TABLE [dbo].[Order] (
    [Id] UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    [Customer] NVARCHAR(100) NOT NULL
);
GO

CREATE TABLE [dbo].[OrderLine] (
    [OrderId] UNIQUEIDENTIFIER NOT NULL REFERENCES [dbo].[Order] ([Id]),
    [ProductId] UNIQUEIDENTIFIER NOT NULL,
    [Quantity] INT NOT NULL
);
GO

CREATE TABLE [billing].[Invoice] (
    [Id] UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    [OrderId] UNIQUEIDENTIFIER NOT NULL,
    [Currency] CHAR(3) NOT NULL,
    [Paid] BIT NOT NULL DEFAULT 0
);
GO

CREATE PROCEDURE [dbo].[Order_ReadById]
    @Id UNIQUEIDENTIFIER
AS
BEGIN
    SELECT [Id], [Customer] FROM [dbo].[Order] WHERE [Id] = @Id
END
GO

CREATE PROCEDURE [dbo].[Order_Create]
    @Customer NVARCHAR(100)
AS
BEGIN
    INSERT INTO [dbo].[Order] ([Id], [Customer]) VALUES (NEWID(), @Customer)
END
GO

CREATE PROCEDURE [dbo].[Payment_Capture]
    @InvoiceId UNIQUEIDENTIFIER
AS
BEGIN
    UPDATE [billing].[Invoice] SET [Paid] = 1 WHERE [Id] = @InvoiceId
END
GO

CREATE PROCEDURE [dbo].[Payment_Refund]
    @InvoiceId UNIQUEIDENTIFIER
AS
BEGIN
    UPDATE [billing].[Invoice] SET [Paid] = 0 WHERE [Id] = @InvoiceId
END
GO
