-- T-SQL inventory: inline functions with CROSS APPLY, NOT EXISTS
-- inserts, temporary staging, an INSTEAD OF trigger on a view, nested
-- quotes in dynamic SQL, XACT_STATE.
CREATE TABLE dbo.Item (
    ItemId   INT NOT NULL PRIMARY KEY,
    Sku      NVARCHAR(40) NOT NULL,
    Price    MONEY NOT NULL
)
GO
CREATE TABLE dbo.Bin (
    BinId    INT NOT NULL PRIMARY KEY,
    ItemId   INT NOT NULL CONSTRAINT FK_Bin_Item FOREIGN KEY REFERENCES dbo.Item (ItemId),
    Qty      INT NOT NULL
)
GO
CREATE TABLE dbo.PriceAudit (ItemId INT, OldPrice MONEY, NewPrice MONEY, At DATETIME2)
GO
CREATE FUNCTION dbo.ItemStock (@ItemId INT)
RETURNS TABLE
AS RETURN (SELECT SUM(Qty) AS Qty FROM dbo.Bin WHERE ItemId = @ItemId)
GO
CREATE VIEW dbo.ItemWithStock AS
SELECT i.ItemId, i.Sku, s.Qty
FROM dbo.Item i
CROSS APPLY dbo.ItemStock(i.ItemId) s
GO
CREATE TRIGGER dbo.ItemWithStock_Delete ON dbo.ItemWithStock INSTEAD OF DELETE AS
BEGIN
    DELETE b FROM dbo.Bin b JOIN deleted d ON d.ItemId = b.ItemId
    DELETE FROM dbo.Item WHERE ItemId IN (SELECT ItemId FROM deleted)
END
GO
CREATE PROCEDURE dbo.Item_ImportPrices @Csv NVARCHAR(MAX) AS
BEGIN
    SET NOCOUNT ON
    BEGIN TRY
        BEGIN TRAN
        SELECT CAST(j.[key] AS INT) AS ItemId, CAST(j.[value] AS MONEY) AS Price
        INTO #prices
        FROM OPENJSON(@Csv) j

        INSERT INTO dbo.PriceAudit (ItemId, OldPrice, NewPrice, At)
        SELECT i.ItemId, i.Price, p.Price, SYSUTCDATETIME()
        FROM dbo.Item i JOIN #prices p ON p.ItemId = i.ItemId
        WHERE i.Price <> p.Price

        UPDATE i SET i.Price = p.Price FROM dbo.Item i JOIN #prices p ON p.ItemId = i.ItemId

        INSERT INTO dbo.Item (ItemId, Sku, Price)
        SELECT p.ItemId, N'NEW-' + CAST(p.ItemId AS NVARCHAR(10)), p.Price FROM #prices p
        WHERE NOT EXISTS (SELECT 1 FROM dbo.Item x WHERE x.ItemId = p.ItemId)
        COMMIT
    END TRY
    BEGIN CATCH
        IF XACT_STATE() <> 0 ROLLBACK
        DECLARE @msg NVARCHAR(4000) = ERROR_MESSAGE()
        EXEC('INSERT INTO dbo.PriceAudit (ItemId, At) VALUES (-1, ''' + @msg + ''')')
        RAISERROR(@msg, 16, 1)
    END CATCH
END
GO
CREATE PROCEDURE dbo.Bin_Move @From INT, @To INT, @Qty INT AS
    UPDATE dbo.Bin SET Qty = Qty - @Qty WHERE BinId = @From
    UPDATE dbo.Bin SET Qty = Qty + @Qty WHERE BinId = @To
    IF @@ROWCOUNT = 0
        EXEC dbo.Item_ImportPrices @Csv = N'{}'
GO
SELECT i.Sku, s.Qty FROM dbo.Item i OUTER APPLY dbo.ItemStock(i.ItemId) s WHERE s.Qty > 0
GO
